using System.Collections.Immutable;
using Akto.Consolidation.Contracts.Units;

namespace Akto.Consolidation.Grains.Units;

/// <summary>
/// 审核流程: 草稿 → 送审 → 审核通过 | 退回; 退回 → 草稿 (by a new version or by reopening). New versions are accepted in 草稿
/// and 退回 only: a budget under review is frozen so the bureau approves exactly what it reviewed, and an approved
/// budget is final for the year (an adjustment would be a separate 预算调整 procedure).
/// </summary>
public static class BudgetWorkflow
{
    /// <summary>Why <paramref name="action"/> is not allowed now, or null when it is.</summary>
    public static string? Refusal(BudgetState state, WorkflowAction action, bool hasVersion, ImmutableArray<string> reasons)
    {
        var allowed = (state, action) switch
        {
            (BudgetState.Draft or BudgetState.Returned, WorkflowAction.Edit) => true,
            (BudgetState.Draft, WorkflowAction.SendForReview) => true,
            (BudgetState.Submitted, WorkflowAction.Approve or WorkflowAction.Return) => true,
            (BudgetState.Returned, WorkflowAction.Reopen) => true,
            _ => false,
        };
        if (!allowed)
        {
            var hint = (state, action) switch
            {
                (BudgetState.Submitted, WorkflowAction.Edit) => "预算已送审，须由财政局退回后才能修改",
                (BudgetState.Approved, _) => "预算已审核通过，本年度不能再变更",
                (BudgetState.Returned, WorkflowAction.SendForReview) => "退回的预算须先修改或重新编辑（回到草稿）再送审",
                _ => "该操作不适用于当前状态",
            };
            return $"不能在“{state.Label()}”状态下{action.Label()}：{hint} (illegal transition: {action} in state {state})";
        }

        if (action == WorkflowAction.SendForReview && !hasVersion)
        {
            return "还没有审核通过的预算版本，不能送审 (no accepted version to send for review)";
        }

        if (action == WorkflowAction.Return && (reasons.IsDefaultOrEmpty || reasons.All(string.IsNullOrWhiteSpace)))
        {
            return "退回必须说明理由 (returning a budget needs at least one reason)";
        }

        return null;
    }

    public static BudgetState Target(WorkflowAction action) => action switch
    {
        WorkflowAction.SendForReview => BudgetState.Submitted,
        WorkflowAction.Approve => BudgetState.Approved,
        WorkflowAction.Return => BudgetState.Returned,
        _ => BudgetState.Draft,
    };
}
