package files

// #include <stdio.h>
import "C"

func ImportsC() {}
