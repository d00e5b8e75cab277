from pmqa4.privacy.models import AccessLog
from pmqa4.privacy.pruning import PruneLogCommand


class Command(PruneLogCommand):
    help = "ลบบันทึกการเข้าใช้งานที่เก่ากว่าระยะเวลาเก็บรักษา (ACCESS_LOG_RETENTION_DAYS)"
    model = AccessLog
    what = "บันทึกการเข้าใช้งาน"
