package files

func Unix() {}
