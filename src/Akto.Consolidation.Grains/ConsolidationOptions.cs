namespace Akto.Consolidation.Grains;

/// <summary>Timing of the consolidation trees (section <c>Akto:Consolidation</c> of the silo's configuration).</summary>
public sealed class ConsolidationOptions
{
    public const string Section = "Akto:Consolidation";

    /// <summary>At most one forward from a node to its parent per cadence when busy; the first change after a quiet spell goes up at once.</summary>
    public TimeSpan Cadence { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long a node with unwritten changes waits before it writes a checkpoint. Checkpoints bound the work of a repair
    /// after a crash; they are not what makes a submission durable (the unit's own write is).
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a scope repair waits for more requests (a crash makes many nodes ask at once) before it starts.</summary>
    public TimeSpan RepairDelay { get; set; } = TimeSpan.FromSeconds(2);
}
