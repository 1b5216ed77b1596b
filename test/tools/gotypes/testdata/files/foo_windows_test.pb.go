package files

func WindowsTest() {}
