namespace Heliodesk.Features.Inbox;

/// <summary>
/// The list the agent last looked at, in its order: the ticket page's "next" and "previous" (and the
/// keyboard shortcuts) walk it. One per circuit (a browser tab), so two tabs can walk two views.
/// </summary>
public sealed class InboxTrail
{
    private IReadOnlyList<long> _numbers = [];

    public string? ViewKey { get; private set; }

    public void Remember(string viewKey, IReadOnlyList<long> numbers) => (ViewKey, _numbers) = (viewKey, numbers);

    public long? Next(long current) => Step(current, +1);

    public long? Previous(long current) => Step(current, -1);

    private long? Step(long current, int direction)
    {
        var index = _numbers.ToList().IndexOf(current);
        var target = index + direction;
        return index < 0 ? (_numbers.Count > 0 && direction > 0 ? _numbers[0] : null)
            : target >= 0 && target < _numbers.Count ? _numbers[target] : null;
    }
}
