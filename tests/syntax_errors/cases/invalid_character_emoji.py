🐍 = 'python'
