namespace Tietosuoja.IntegrationTests;

public static class ExceptionMessages
{
    /// <summary>Every message in the chain, joined: a refused start's reason, wherever the host put it among the inner exceptions.</summary>
    public static string AllMessages(this Exception error)
    {
        var messages = new List<string>();
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" | ", messages);
    }
}
