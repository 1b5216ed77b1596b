package files

func Windows() {}
