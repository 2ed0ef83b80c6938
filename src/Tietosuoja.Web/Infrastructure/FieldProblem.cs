namespace Tietosuoja.Web.Infrastructure;

/// <summary>
/// The one shape of a validation problem, wherever the rule lives: the input field it belongs to
/// (its property name, as in <c>Input.Text</c> → "Text"; null for the form as a whole), the key of
/// its message in the UI strings and the message's arguments. Rules return problems; only the page
/// turns them into text, in the reader's language, for the error summary and the field messages.
/// </summary>
public sealed record FieldProblem(string? Field, string MessageKey, params object[] Arguments)
{
    /// <summary>A problem with the form as a whole, not with one field.</summary>
    public static FieldProblem ForForm(string messageKey, params object[] arguments) => new(null, messageKey, arguments);
}
