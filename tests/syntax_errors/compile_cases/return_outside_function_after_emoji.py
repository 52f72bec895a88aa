s = '😀'; return 1
