import { Link } from 'react-router';
import { PageTitle } from '../components/notes';

export function NotFoundPage() {
  return (
    <section>
      <PageTitle title="Not found">Nothing here</PageTitle>
      <p>
        This address is not a page of Afterview. <Link to="/">Go to Today</Link>.
      </p>
    </section>
  );
}
