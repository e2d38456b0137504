namespace Heliodesk.Features.Demo;

/// <summary>
/// A clock the demo moves by hand. Intake and Conversation stamp whatever time they are given, so
/// replaying scripted work on this clock leaves the same history three weeks of real work would.
/// </summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
