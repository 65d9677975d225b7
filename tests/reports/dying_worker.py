"""A Celery app for one test: the portal's, whose report work kills its worker process once
(os._exit, as the OOM killer or a lost machine would), when the file named by DIE_ONCE exists."""

import os

from celery.signals import worker_process_init

from portal.celery import app

__all__ = ["app"]


@worker_process_init.connect
def _die_once_in_the_report_work(**_kwargs):
    from reports.compiling import services

    compile_report = services.report_compile

    def dying(*, report, progress):
        progress(20, "About to die")
        flag = os.environ.get("DIE_ONCE", "")
        if flag and os.path.exists(flag):
            os.remove(flag)
            os._exit(1)
        return compile_report(report=report, progress=progress)

    services.report_compile = dying
