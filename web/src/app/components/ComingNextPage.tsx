export interface ComingNextPageProps {
  title: string;
  audience: string;
  questions: readonly string[];
}

export function ComingNextPage({ title, audience, questions }: ComingNextPageProps) {
  return (
    <div className="page">
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <section className="card coming-next" aria-labelledby="coming-next-title">
        <p className="eyebrow">Coming next · for the {audience.toLowerCase()}</p>
        <h2 id="coming-next-title">This page is being built</h2>
        <p>It will answer:</p>
        <ul>
          {questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
        <p className="muted">Until then, the Overview shows the headline figures for the same filters.</p>
      </section>
    </div>
  );
}
