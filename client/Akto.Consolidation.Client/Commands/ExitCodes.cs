namespace Akto.Consolidation.Client.Commands;

/// <summary>Exit codes of <c>akto</c>: 0 ok, 1 rejected or findings, 2 usage or I/O, 3 server unreachable or refused.</summary>
internal static class ExitCodes
{
    /// <summary>No errors (warnings may have been printed).</summary>
    public const int Ok = 0;

    /// <summary>The budget has errors that block submission.</summary>
    public const int Invalid = 1;

    /// <summary>A file could not be read or parsed, or the budget year has no (valid) classification catalog.</summary>
    public const int Unreadable = 2;

    /// <summary>The server cannot be reached, or refused the key (401/403 on connecting).</summary>
    public const int Unreachable = 3;
}
