msg = "hello world
