namespace Akto.Consolidation.Client.Commands;

/// <summary>Exit codes of <c>akto</c>.</summary>
internal static class ExitCodes
{
    /// <summary>No errors (warnings may have been printed).</summary>
    public const int Ok = 0;

    /// <summary>The budget has errors that block submission.</summary>
    public const int Invalid = 1;

    /// <summary>A file could not be read or parsed, or the budget year has no (valid) classification catalog.</summary>
    public const int Unreadable = 2;
}
