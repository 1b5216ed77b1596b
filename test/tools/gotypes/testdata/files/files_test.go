package files

func Test() {}
