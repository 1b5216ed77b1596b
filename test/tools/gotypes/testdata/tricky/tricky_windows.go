package tricky

func WindowsOnly() {}
