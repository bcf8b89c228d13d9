/** Import: a placeholder until the capture feature (invites, vCards, card photos) lands. */
import { PageTitle } from '../components/notes';

export function ImportPage() {
  return (
    <section>
      <PageTitle title="Import">Import</PageTitle>
      <p>
        Soon you will be able to drop a calendar invite (.ics), a contact card (.vcf), a CSV or a pasted
        schedule here, and Afterview will fill in the interview and the people for you.
      </p>
      <p>
        Until then, the command line does it: <code>afterview import FILE</code>.
      </p>
    </section>
  );
}
