for i in range(200000):
    print(i, "some text to fill the pipe buffer quickly")
