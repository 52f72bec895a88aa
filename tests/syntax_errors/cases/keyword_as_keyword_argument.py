f(class='x')
