namespace Akto.Consolidation.Contracts.Units;

/// <summary>预算审核状态: where a unit's budget is in the finance bureau's workflow.</summary>
public enum BudgetState
{
    /// <summary>草稿: being prepared; new versions are accepted.</summary>
    Draft,

    /// <summary>送审: sent for review; frozen until approved or returned.</summary>
    Submitted,

    /// <summary>审核通过: approved; final for the year.</summary>
    Approved,

    /// <summary>退回: returned with reasons; a new version (or reopening) makes it a draft again.</summary>
    Returned,
}

/// <summary>What a workflow command does.</summary>
public enum WorkflowAction
{
    /// <summary>修改: a new version was accepted (moves 退回 back to 草稿).</summary>
    Edit,

    /// <summary>送审.</summary>
    SendForReview,

    /// <summary>审核通过.</summary>
    Approve,

    /// <summary>退回.</summary>
    Return,

    /// <summary>重新编辑: 退回 → 草稿 without a new version.</summary>
    Reopen,
}

public static class BudgetStateLabels
{
    public static string Label(this BudgetState state) => state switch
    {
        BudgetState.Draft => "草稿",
        BudgetState.Submitted => "送审",
        BudgetState.Approved => "审核通过",
        BudgetState.Returned => "退回",
        _ => state.ToString(),
    };

    public static string Label(this WorkflowAction action) => action switch
    {
        WorkflowAction.Edit => "修改预算",
        WorkflowAction.SendForReview => "送审",
        WorkflowAction.Approve => "审核通过",
        WorkflowAction.Return => "退回",
        WorkflowAction.Reopen => "重新编辑",
        _ => action.ToString(),
    };
}
