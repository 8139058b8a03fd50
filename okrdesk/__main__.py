import sys

from okrdesk.cli import main

sys.exit(main())
