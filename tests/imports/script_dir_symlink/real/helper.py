X = 'next to the real script'
