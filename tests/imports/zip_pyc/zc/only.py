WHO = 'compiled only'
