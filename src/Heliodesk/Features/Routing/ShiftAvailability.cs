namespace Heliodesk.Features.Routing;

/// <summary>
/// Who is on shift at an instant. An agent without a stored schedule counts as on shift whenever they are
/// online, so a small team can route without planning shifts first.
/// </summary>
public sealed class ShiftAvailability
{
    public Task<IReadOnlySet<Guid>> OnShiftAsync(IReadOnlyCollection<Guid> agentIds, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<Guid>>(agentIds.ToHashSet());
}
