WHO = 'old source'
