namespace Heliodesk.Data;

/// <summary>
/// A feature that must add rows to every save, in the same transaction, once the ticket events of the
/// save are known (the webhook fan-out writes outbox rows for them). Registered as a singleton in DI;
/// runs after ticket versions and events are applied, before anything is written.
/// </summary>
public interface ISaveParticipant
{
    ValueTask PrepareAsync(HeliodeskDb db, CancellationToken ct);
}
