thing = 'from sub'
