// Names, places and a seeded random generator shared by the benchmark's book and import files,
// so both look like the same shop's customers (Spanish, Chinese and English).

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pad = (n, w) => String(n).padStart(w, '0');

export const ES_FIRST = ['José', 'María', 'Lucía', 'Javier', 'Carmen', 'Ángel', 'Sofía', 'Íñigo', 'Nuria', 'Pablo', 'Begoña', 'Raúl', 'Elena', 'Andrés', 'Pilar', 'Sergio', 'Marta', 'Jesús', 'Rocío', 'Álvaro'];
export const ES_LAST = ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina', 'Castillo', 'Ortega', 'Rubio', 'Núñez', 'Ibáñez', 'Peña'];
export const ES_ASCII = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', ñ: 'n', Á: 'a', É: 'e', Í: 'i', Ó: 'o', Ú: 'u', Ñ: 'n' };
export const ZH_LAST = [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo']];
export const ZH_FIRST = [['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['秀英', 'xiuying'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀兰', 'xiulan'], ['霞', 'xia']];
export const EN_FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Susan', 'Chloe', 'Oliver', 'Amelia', 'Harry', 'Emily', 'Jack', 'Grace', 'Noah'];
export const EN_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', "O'Brien", 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clarke', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood'];
export const ES_STREETS = ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Carmen', 'Plaza de España', 'Calle Real', 'Paseo de Gracia', 'Calle San Vicente', 'Rambla Nova'];
export const ES_CITIES = ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Zaragoza', 'Málaga', 'Bilbao', 'Granada'];
export const EN_ADDR = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Manor Road', 'Park Avenue'];
export const EN_CITIES = ['London', 'Manchester', 'Leeds', 'Bristol', 'Dublin', 'Cork'];
export const TIERS = ['Plata', 'Oro', 'Platino', '银卡', '金卡', '白金卡', 'Member', 'VIP'];
export const TAGS = ['vip', 'visited shop', 'bought M', 'never bought O', 'Madrid', '上海', 'té verde', 'birthday club', 'wholesale', 'newsletter', 'WeChat', 'WhatsApp'];
