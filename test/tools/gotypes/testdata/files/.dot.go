package files

func Dot() {}
