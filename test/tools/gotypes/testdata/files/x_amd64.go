package files

func Amd64() {}
