package files

func LinuxName() {}
