import sys

from cal_actions.cli import main

sys.exit(main())
