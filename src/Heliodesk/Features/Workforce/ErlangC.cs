namespace Heliodesk.Features.Workforce;

/// <summary>
/// The Erlang C queueing model (M/M/N): Poisson arrivals, exponential handle times, N agents, callers wait
/// and never abandon. Pure math, no units of its own: traffic is arrivals per interval × handle time in that
/// interval's units (Erlangs), and waits are in the same units as the handle time.
/// </summary>
public static class ErlangC
{
    /// <summary>No realistic hour needs more; a target that would is reported as unreachable instead.</summary>
    public const int MaxAgents = 10_000;

    /// <summary>
    /// The probability that a contact has to wait at all. With traffic at or above the agents the queue grows
    /// without bound, so everyone waits (1). Computed through the Erlang B recursion, which stays exact for
    /// large N where A^N / N! would overflow.
    /// </summary>
    public static double ProbabilityOfWaiting(int agents, double traffic)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        ArgumentOutOfRangeException.ThrowIfNegative(traffic);
        if (traffic == 0)
        {
            return 0;
        }
        if (agents <= traffic)
        {
            return 1;
        }
        var blocking = 1.0;
        for (var k = 1; k <= agents; k++)
        {
            blocking = traffic * blocking / (k + traffic * blocking);
        }
        return agents * blocking / (agents - traffic * (1 - blocking));
    }

    /// <summary>The share of contacts answered within <paramref name="target"/>: 1 − C(N, A)·e^(−(N − A)·t / AHT).</summary>
    public static double ServiceLevel(int agents, double traffic, double handleTime, double target)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(handleTime);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        if (traffic == 0)
        {
            return 1;
        }
        if (agents <= traffic)
        {
            return 0;
        }
        return 1 - ProbabilityOfWaiting(agents, traffic) * Math.Exp(-(agents - traffic) * target / handleTime);
    }

    /// <summary>The mean wait of all contacts (answered at once included): C(N, A)·AHT / (N − A).</summary>
    public static double AverageSpeedOfAnswer(int agents, double traffic, double handleTime) =>
        traffic == 0 ? 0 : agents <= traffic ? double.PositiveInfinity : ProbabilityOfWaiting(agents, traffic) * handleTime / (agents - traffic);

    /// <summary>
    /// The fewest servers that answer <paramref name="serviceLevel"/> of the contacts within <paramref name="target"/>.
    /// Zero traffic needs nobody. Starts just above the traffic, because fewer servers can never keep up.
    /// </summary>
    public static int ServersNeeded(double traffic, double handleTime, double target, double serviceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(traffic);
        if (serviceLevel is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), "A service level is a share between 0 and 1.");
        }
        if (traffic == 0)
        {
            return 0;
        }
        for (var agents = Math.Max(1, (int)Math.Floor(traffic) + 1); agents <= MaxAgents; agents++)
        {
            if (ServiceLevel(agents, traffic, handleTime, target) >= serviceLevel)
            {
                return agents;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(traffic), $"More than {MaxAgents} agents would be needed.");
    }
}
