package files

func Underscore() {}
