import { detectLanguage } from './language';
import { scoreText } from './score-text';
import { vaderCompound } from './vader';

describe('detectLanguage', () => {
  it.each([
    ['en', "My order still hasn't arrived and nobody answers my emails"],
    ['en', '@AppleSupport my iPhone keeps crashing after the update https://t.co/xyz #fail'],
    ['en', 'the app is great but i hate the new logo'],
    ['en', 'WORST AIRLINE EVER, NEVER AGAIN'],
    ['es', 'Mi pedido no ha llegado y nadie me responde'],
    ['es', '¡Gracias por la ayuda!'],
    ['es', 'Muy mal servicio, nunca más'],
    ['fr', "Je n'ai toujours pas reçu ma commande"],
    ['fr', 'Merci beaucoup pour votre aide'],
    ['fr', "J'adore"],
    ['de', 'Meine Bestellung ist immer noch nicht angekommen'],
    ['de', 'Danke schön'],
    ['de', 'Sehr schlecht, die Lieferung war zu spät'],
    ['pt', 'Minha encomenda ainda não chegou'],
    ['pt', 'Obrigado pela ajuda'],
    ['pt', 'Bom dia'],
    ['it', 'Il mio ordine non è ancora arrivato'],
    ['it', 'Grazie mille'],
    ['it', "Servizio pessimo, non lo consiglio a nessuno dell'azienda"],
    ['nl', 'Mijn bestelling is nog steeds niet aangekomen'],
    ['nl', 'Bedankt voor de hulp'],
    ['ru', 'Мой заказ до сих пор не пришёл'],
    ['uk', 'Дякую за допомогу, і все'],
    ['el', 'Η παραγγελία μου δεν έφτασε'],
    ['he', 'ההזמנה שלי לא הגיעה'],
    ['ar', 'طلبي لم يصل بعد'],
    ['fa', 'سفارش من هنوز نرسیده پیگیری کنید'],
    ['hi', 'मेरा ऑर्डर अभी तक नहीं आया'],
    ['th', 'คำสั่งซื้อของฉันยังไม่มาถึง'],
    ['ko', '주문이 아직 도착하지 않았습니다'],
    ['ja', '注文がまだ届いていません'],
    ['zh', '我的订单还没有到'],
    ['ja', 'iPhoneの注文がまだ届いていません'],
  ])('detects %s: %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    ['en', 'ok'],
    ['en', 'lol'],
    ['en', 'Terrible!!!'],
    ['en', 'Great service, thanks!'],
    ['en', 'Not happy.'],
    ['en', 'No way!'],
    ['und', 'John Smith'],
    ['und', 'iPhone'],
    ['und', 'Terima kasih banyak'],
    ['und', 'no'],
    ['zxx', ':)'],
    ['zxx', '😡😡😡'],
    ['zxx', '12345 !!!'],
    ['zxx', ''],
    ['zxx', '   '],
  ])('answers %s for the short or ambiguous text %j', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('never throws on odd input: lone surrogates, control characters, very long text', () => {
    expect(() => detectLanguage('\ud800\udfff\u0000\u0007 \uffff')).not.toThrow();
    expect(detectLanguage(`${'the service was fine and '.repeat(20_000)}`)).toBe('en');
  });
});

describe('scoreText', () => {
  it('scores English with VADER', () => {
    const text = 'The support team was really helpful, thank you!';
    expect(scoreText(text)).toEqual({ sentiment: vaderCompound(text), lang: 'en' });
    expect(scoreText(text).sentiment).toBeGreaterThan(0.05);
  });

  it('leaves other languages unscored rather than scoring them as English', () => {
    // VADER would read "terrible" and "horrible" in these as English words.
    expect(scoreText('El servicio es terrible y horrible')).toEqual({ sentiment: null, lang: 'es' });
    expect(scoreText("C'est horrible, je suis déçu")).toEqual({ sentiment: null, lang: 'fr' });
    expect(scoreText('Мой заказ не пришёл')).toEqual({ sentiment: null, lang: 'ru' });
    expect(scoreText('John Smith')).toEqual({ sentiment: null, lang: 'und' });
  });

  it('scores text made only of emoticons, and leaves blank text unscored', () => {
    expect(scoreText(':(')).toEqual({ sentiment: vaderCompound(':('), lang: 'zxx' });
    expect(scoreText(':(').sentiment).toBeLessThan(-0.05);
    expect(scoreText(' \n')).toEqual({ sentiment: null, lang: 'zxx' });
  });
});
