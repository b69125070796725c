namespace Akto.Consolidation.Reporting;

/// <summary>
/// 草稿: a disclosure rendered although its document has errors (<c>akto disclosure --draft</c>). Every renderer stamps
/// each page, sheet or section with <see cref="Stamp"/> and lists <see cref="Errors"/>, so a draft cannot be mistaken for
/// the published document.
/// </summary>
public sealed record DraftNotice(IReadOnlyList<string> Errors)
{
    /// <summary>The stamp itself.</summary>
    public const string Stamp = "草稿";

    /// <summary>"草稿：本文档有 2 项错误，不得公开" (or "草稿：不得公开" when there are none).</summary>
    public string Banner => Errors.Count == 0
        ? $"{Stamp}：不得公开 (draft, not for publication)"
        : $"{Stamp}：本文档有 {Errors.Count} 项错误，不得公开 (draft with {Errors.Count} error(s), not for publication)";

    /// <summary>The heading of the error list.</summary>
    public const string ErrorsHeading = "错误 (errors)";
}
