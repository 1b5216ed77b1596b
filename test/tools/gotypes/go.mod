module gofn-detect/gotypes

go 1.19
