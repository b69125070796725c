using System.Collections.Concurrent;
using Akto.Consolidation.Contracts.Classification;

namespace Akto.Consolidation.Grains.Classification;

/// <summary>The tree nodes active on this silo (a singleton of the silo), so that a silo about to stop can flush them.</summary>
public sealed class ActiveTreeNodes
{
    private readonly ConcurrentDictionary<string, NodeKey> _nodes = new(StringComparer.Ordinal);

    public int Count => _nodes.Count;

    public void Add(NodeKey key) => _nodes[key.ToString()] = key;

    public void Remove(NodeKey key) => _nodes.TryRemove(key.ToString(), out _);

    public IReadOnlyList<NodeKey> Snapshot() => [.. _nodes.Values];
}
