name = 'ÿþ'
