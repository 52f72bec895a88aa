total = (a +
         b +
         )
