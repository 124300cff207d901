"""代表建议网上办理: deputies' suggestions from submission through 集中交办, 重点督办, 结果反馈 and 代表评判."""
