from os import * as everything
