namespace Heliodesk.Features.Demo;

/// <summary>Three weeks of tickets, kept in one file per group of languages so each stays readable.</summary>
internal static partial class DemoTickets
{
    // Computed on each call, not stored: a stored list would read the other files' arrays before
    // the runtime is bound to have initialized them.
    public static IReadOnlyList<DemoTicket> All => [.. English, .. SpanishAndPortuguese, .. Europe, .. Asia];
}
