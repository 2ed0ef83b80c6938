namespace Tietosuoja.Web.Infrastructure;

/// <summary>Which page of a list to show: the requested one, kept within the pages that exist (always at least one).</summary>
public readonly record struct Paging(int Page, int PageCount, int PageSize)
{
    public static Paging For(int total, int pageSize, int requested)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new Paging(Math.Clamp(requested, 1, pageCount), pageCount, pageSize);
    }

    public int Skip => (Page - 1) * PageSize;
}
