module gofn-detect/gofloor

go 1.19
