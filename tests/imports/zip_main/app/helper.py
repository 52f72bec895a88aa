H = 'helper from the archive'
