package files

func Arm64() {}
