module gofn-detect.test/loadgen

go 1.19
